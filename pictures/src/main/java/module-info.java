/** Pictures of a training run: loss and score charts, histograms and image grids as PNG files. */
@SuppressWarnings("requires-automatic") // JFreeChart ships no module descriptor, only a module name
module io.jgan.pictures {
    requires transitive java.desktop;
    requires org.jfree.jfreechart;

    exports io.jgan.pictures;
}
