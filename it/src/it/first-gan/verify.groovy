// docs/first-gan.md's project compiled, generated its networks, trained and sampled as the guide says.
def generated = new File(basedir, 'target/generated-sources/annotations/com/example/gan')
assert new File(generated, 'Ring_Generator.java').isFile()
assert new File(generated, 'Ring_Discriminator.java').isFile()

def lines = new File(basedir, 'build.log').readLines()
def stats = lines.findAll { it.startsWith('iteration ') }
assert stats.size() == 3 : stats
stats.each { assert !it.contains('NaN') && !it.contains('Infinity') : it }
def near = lines.find { it.endsWith(' of 1000 generated points lie within 0.25 of the unit circle') }
assert near != null
// The guide says most points end up on the circle (about 930 of 1000 with seed 1).
assert near.split(' ')[0].toInteger() >= 800 : near

// The guide shows exactly this project: its code blocks are these files.
def guide = new File(basedir, '../../../../docs/first-gan.md')
if (guide.isFile()) {
    def blocks = (guide.text =~ /(?s)```java\n(.*?)```/).collect { it[1] }
    assert blocks.size() == 3
    blocks.each { block ->
        def name = (block =~ /public (?:final )?(?:interface|class) (\w+)/)[0][1]
        def source = new File(basedir, "src/main/java/com/example/gan/${name}.java").text
        assert source == block : "docs/first-gan.md's ${name} differs from it/src/it/first-gan's"
    }
    def pom = (guide.text =~ /(?s)```xml\n(<project.*?)```/)[0][1]
    def itPom = new File(basedir, 'pom.xml').text
    // (invoker filtered @project.version@ into the copy: the guide must name the current version)
    assert itPom.substring(itPom.indexOf('<project')) == pom : "docs/first-gan.md's pom.xml differs from it/src/it/first-gan's"
}
return true
