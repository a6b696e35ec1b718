/**
 * Image data sets in the IDX format of MNIST and Fashion-MNIST: reading and writing the files
 * ({@link io.jgan.data.idx.IdxReader}, {@link io.jgan.data.idx.IdxWriter}), finding them on disk
 * ({@link io.jgan.data.idx.MnistFiles}) and downloading them with checksums
 * ({@link io.jgan.data.idx.MnistDownload}).
 */
module io.jgan.data.idx {
    requires transitive io.jgan.runtime;
    requires java.net.http;

    exports io.jgan.data.idx;
}
