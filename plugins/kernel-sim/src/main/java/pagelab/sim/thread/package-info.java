/** Simulated threads, their handles and kernel objects. */
package pagelab.sim.thread;
