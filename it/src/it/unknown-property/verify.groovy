def builds = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).findAll { it.contains('Finished at:') }
assert builds.size() == 3 : "expected 3 builds, found " + builds.size()
def expect = { int n, String text ->
  assert builds[n - 1].contains('BUILD FAILURE') : "build " + n + " did not fail"
  assert builds[n - 1].contains(text) : "build " + n + " lacks: " + text + "\n" + builds[n - 1]
}
expect 1, 'unknown property ashpg.ulr'
expect 1, 'did you mean ashpg.url?'
// the known names of the goal, taken from its parameters
expect 1, 'ashpg.serverId'
expect 1, 'ashpg.strictVersionOrder'
expect 2, 'unknown property ashpg.stpe'
expect 2, 'did you mean ashpg.step?'
expect 3, 'unknown property ashpg.frobnicate'
assert !builds[2].contains('did you mean') : 'a far-fetched suggestion'
expect 3, 'ashpg.onlyTenants'
// status has no step parameter, so it is not offered for status
assert !builds[2].find(/known properties of ashpg:status:[^\n]*/).contains('ashpg.step') : 'step listed for status'
assert !new File(basedir, 'target/ashpg/postgres').exists() : 'the embedded database was started'
