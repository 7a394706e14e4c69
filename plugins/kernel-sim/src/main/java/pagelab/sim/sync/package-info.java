/** Synchronisation below every other package of the simulator: the machine lock ({@link pagelab.sim.sync.KernelLock}). */
package pagelab.sim.sync;
