/** The spec language: the annotations a GAN's spec class is written in. No dependencies. */
module io.jgan.annotations {
    exports io.jgan.annotations;
}
