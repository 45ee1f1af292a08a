def log = new File(basedir, 'build.log').text
assert log.contains('ashpg-maven-plugin')
assert log.contains('ashpg:help')
assert log.contains('BUILD SUCCESS')
