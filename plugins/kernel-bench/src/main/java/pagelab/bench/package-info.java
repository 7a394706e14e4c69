/** JMH benchmarks and one-shot measurements of the kernel SPI, each paired with a host baseline. */
package pagelab.bench;
