// The user's build passed (invoker checks that); check it did what a user relies on.
def gan = new File(basedir, 'my-gan')
def generated = new File(gan, 'target/generated-sources/annotations/com/example/gan')
assert new File(generated, 'Ring_Generator.java').isFile() : 'Ring_Generator was not generated'
assert new File(generated, 'Ring_Discriminator.java').isFile()
def g = new File(generated, 'Ring_Generator.java').text
assert g.contains('swishForward(') && g.contains('Swish(beta = 1.0)') : 'the custom emitter did not write the Swish layer'

// Both test classes ran and passed (surefire would have failed the build otherwise; make sure they ran at all).
def reports = new File(gan, 'target/surefire-reports')
['com.example.gan.SwishGradientTest': 2, 'com.example.gan.TrainRingTest': 1].each { name, count ->
    def xml = new File(reports, "TEST-${name}.xml")
    assert xml.isFile() : "${name} did not run"
    def suite = new groovy.xml.XmlSlurper().parse(xml)
    assert suite.@tests.toInteger() == count && suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0
}
// Gradle users get incremental compilation: the processor jar declares itself isolating.
def processorJars = []
new File(localRepositoryPath, 'io/jgan/jgan-processor').eachFileRecurse { if (it.name ==~ /jgan-processor-.*\.jar/) processorJars << it }
assert processorJars.size() == 1 : processorJars
def jar = new java.util.jar.JarFile(processorJars[0])
def entry = jar.getEntry('META-INF/gradle/incremental.annotation.processors')
assert entry != null : 'the processor jar has no META-INF/gradle/incremental.annotation.processors'
assert jar.getInputStream(entry).text.trim() == 'io.jgan.processor.JganProcessor,isolating'
jar.close()

// docs/write-a-layer.md shows this project's code: every complete source file in it is one of ours.
def guide = new File(basedir, '../../../../docs/write-a-layer.md')
if (guide.isFile()) {
    def files = (guide.text =~ /(?s)```java\n(package .*?)```/).collect { it[1] }
    assert files.size() == 4
    files.each { block ->
        def name = (block =~ /(?:interface|class|@interface) (\w+)/)[0][1]
        def matches = []
        basedir.eachFileRecurse { if (it.name == "${name}.java" && !basedir.toPath().relativize(it.toPath()).toString().contains('target/')) matches << it }
        assert matches.size() == 1 : "${name}: ${matches}"
        assert matches[0].text == block : "docs/write-a-layer.md's ${name} differs from ${matches[0]}"
    }
}

def log = new File(basedir, 'build.log').text
// GradientCheck's reports, printed by SwishGradientTest.
assert log.contains('SwishCheck generator parameters: OK;') && log.contains('SwishCheck discriminator input: OK;')
assert log.contains('SwishCheck discriminator parameters: OK;')
return true
