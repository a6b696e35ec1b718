/**
 * Test helpers for code built on jgan: {@link io.jgan.testing.GradientCheck} compares a generated
 * network's backward pass with finite differences. Add {@code jgan-testing} in test scope.
 */
package io.jgan.testing;
