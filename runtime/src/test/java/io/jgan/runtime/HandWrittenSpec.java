package io.jgan.runtime;

/** Stands in for a spec in {@link NetworksTest}: its "generated" classes are written by hand. */
interface HandWrittenSpec {}
