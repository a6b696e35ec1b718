package io.jgan.runtime;

/**
 * The class jgan-processor generates for a spec is missing at run time: the processor did not run
 * when the spec was compiled. The message says how to put it on the annotation processor path.
 */
public final class NetworkNotGeneratedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The spec's binary name. */
    private final String spec;
    /** The missing class's binary name. */
    private final String generatedClass;

    /**
     * Explains that {@code generatedClass} was not generated for {@code spec}.
     *
     * @param spec the spec type the user passed
     * @param generatedClass the binary name of the class that should have been generated
     * @param role which network was asked for
     * @param cause the class loader's failure
     */
    public NetworkNotGeneratedException(Class<?> spec, String generatedClass, NetworkInfo.Role role,
            ClassNotFoundException cause) {
        super(message(spec, generatedClass, role), cause);
        this.spec = spec.getName();
        this.generatedClass = generatedClass;
    }

    /** {@return the spec's binary name, e.g. {@code com.example.MyGan}} */
    public String spec() {
        return spec;
    }

    /** {@return the missing class's binary name, e.g. {@code com.example.MyGan_Generator}} */
    public String generatedClass() {
        return generatedClass;
    }

    private static String message(Class<?> spec, String generatedClass, NetworkInfo.Role role) {
        String version = Networks.class.getPackage().getImplementationVersion();
        String nl = System.lineSeparator();
        return generatedClass + " not found: jgan-processor generates this " + role.name().toLowerCase(java.util.Locale.ROOT)
                + " class when javac compiles the spec " + spec.getName() + ", so the processor did not run (or the"
                + " spec had compile errors tagged [jgan.*])." + nl
                + "Put jgan-processor on the annotation processor path. With Maven, in maven-compiler-plugin:" + nl
                + nl
                + "  <configuration>" + nl
                + "    <annotationProcessorPaths>" + nl
                + "      <path>" + nl
                + "        <groupId>io.jgan</groupId>" + nl
                + "        <artifactId>jgan-processor</artifactId>" + nl
                + "        <version>" + (version != null ? version : "${jgan.version}") + "</version>" + nl
                + "      </path>" + nl
                + "    </annotationProcessorPaths>" + nl
                + "  </configuration>" + nl
                + nl
                + "A dependency is not enough: JDK 23 and later ignore annotation processors found only on the class"
                + " path. With Gradle: annotationProcessor(\"io.jgan:jgan-processor:<version>\").";
    }
}
