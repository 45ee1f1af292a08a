def text = new File(basedir, 'build.log').text
def lines = text.readLines()
def target = '[INFO] ashpg: repo shop_repo: using the embedded PostgreSQL in target/ashpg/postgres (no database configured)'
def headers = lines.findIndexValues { it =~ /--- ashpg:[^:]+:(create|migrate|status|rollback|drop) / }
assert headers.size() == 6 : 'goal headers: ' + headers.size()
for (i in headers) {
  def first = lines.drop((int) i + 1).find { it.startsWith('[INFO]') || it.startsWith('[ERROR]') }
  assert first == target : 'first line after ' + lines[(int) i] + ' is ' + first
}
assert !text.contains('BUILD FAILURE')
// -Dashpg.force belongs to ashpg:drop, which runs in the same build: no warning from the other goals
assert !text.contains('ashpg.force is not a parameter')
assert text.contains('[WARNING] ashpg: ashpg.step is not a parameter of ashpg:status (it is one of ashpg:migrate, ashpg:rollback); ignored')
