/** Test support for users' layers: {@link io.jgan.testing.GradientCheck}, the finite-difference check of a backward pass. */
module io.jgan.testing {
    requires transitive io.jgan.runtime;

    exports io.jgan.testing;
}
