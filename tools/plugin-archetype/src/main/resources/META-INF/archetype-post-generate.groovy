// Bundle localization reads properties files as ISO-8859-1: write the Chinese texts the archetype
// generated as \uXXXX escapes, so that the platform shows them as written.
def l10n = new File(request.outputDirectory, request.artifactId + '/src/main/resources/OSGI-INF/l10n')
l10n.eachFileMatch(~/bundle.*\.properties/) { file ->
    def escaped = new StringBuilder()
    file.getText('UTF-8').each { String c ->
        int code = (int) c.charAt(0)
        escaped.append(code < 0x80 ? c : String.format('\\u%04x', code))
    }
    file.setText(escaped.toString(), 'ISO-8859-1')
}
