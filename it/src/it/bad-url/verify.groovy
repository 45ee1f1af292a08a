def log = new File(basedir, 'build.log').text
// the first error line is a sentence about the database, not an exception class
def firstError = log.readLines().find { it.startsWith('[ERROR]') }
assert firstError != null : 'no [ERROR] line'
assert firstError.contains('127.0.0.1:1') || firstError.contains('nowhere') : "first error does not name the database: " + firstError
assert !firstError.contains('Exception') : "the headline is an exception: " + firstError
assert !new File(basedir, 'target/ashpg/postgres').exists() : 'the embedded database was started although a URL was given'
