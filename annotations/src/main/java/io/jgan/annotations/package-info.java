/**
 * The spec language of jgan: annotate a nested {@link io.jgan.annotations.Generator} and
 * {@link io.jgan.annotations.Discriminator} interface with one layer annotation per method, in
 * order, and the annotation processor generates a specialised network class for each.
 */
package io.jgan.annotations;
