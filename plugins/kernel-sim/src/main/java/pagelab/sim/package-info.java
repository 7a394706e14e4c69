/** The reference simulator of the kernel SPI: machine, processes and the loader that lays them out. */
package pagelab.sim;
