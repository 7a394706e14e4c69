/** The service interface a kernel implementation provides so that {@code Machine.create} can find it. */
package pagelab.kernel.spi;
