def AdoptDb = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itRoot, 'AdoptDb.groovy'))
AdoptDb.setUp(basedir, context)
true
