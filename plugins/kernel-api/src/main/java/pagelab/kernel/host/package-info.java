/** The host side of the simulation: seeding and reading the simulated file system and images. */
package pagelab.kernel.host;
