/** The simulated file system: files as cache pages, open files, sharing. */
package pagelab.sim.fs;
