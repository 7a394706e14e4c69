/**
 * Conformance tests of the kernel SPI, each rule taken from Microsoft's documentation, the book or Wine's tests of
 * observed Windows behaviour, reaching the kernel only through {@code pagelab.kernel} and its read-only inspector.
 */
package pagelab.kernel.conformance;
