// The generated module's own tests ran, in a platform, and its Chinese texts reach the platform intact.
def projectDir = context.projectDir
def summary = new File(projectDir, 'target/failsafe-reports/failsafe-summary.xml').text
def count = { String element -> (summary =~ "<${element}>(\\d+)</${element}>")[0][1] as int }
assert count('completed') == 8 : "the generated module's 8 integration tests ran: ${summary}"
assert count('failures') == 0 && count('errors') == 0 && count('skipped') == 0 : summary

def zh = new File(projectDir, 'src/main/resources/OSGI-INF/l10n/bundle_zh.properties')
assert zh.getText('ISO-8859-1').contains('module.name=\\u9a91\\u624b\\u901a\\u77e5') : zh.getText('ISO-8859-1')
def texts = new Properties()
zh.withInputStream { texts.load(it) }
assert texts.getProperty('module.name') == '\u9a91\u624b\u901a\u77e5'

assert new File(projectDir, 'target/rider-notices-0.1.0-SNAPSHOT.jar').isFile()
assert new File(projectDir, '.gitignore').isFile()
return true
