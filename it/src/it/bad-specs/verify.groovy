// The compile failed (invoker checked); check javac said why, on the right line, for both specs.
lines = new File(basedir, 'build.log').readLines()

def expectError(String file, int line, String tag, String text) {
    // maven-compiler-plugin prints "[ERROR] /abs/path/File.java:[line,column] message"
    def hits = lines.findAll { it.startsWith('[ERROR]') && it.contains("/com/example/bad/${file}:[${line},") }
    assert hits.any { it.contains(tag) && it.contains(text) } :
            "expected ${tag} at ${file}:${line}, javac said:\n" + lines.findAll { it.contains('.java:[') }.join('\n')
}

expectError('ZeroUnits.java', 15, '[jgan.dense-units]', 'layer hidden: units must be at least 1, was 0')
expectError('NegativeBeta.java', 22, '[my-layers.swish-beta]', 'layer swish: beta must be a positive finite number, was -1.0')

// One compile reports every problem: the first bad spec does not hide the second.
// (maven-compiler-plugin prints each error twice: in its summary and in the goal's failure.)
assert lines.findAll { it.startsWith('[ERROR]') && it.contains('/com/example/bad/') && it.contains('.java:[') }.unique().size() == 2
assert lines.any { it.contains('COMPILATION ERROR') }
return true
