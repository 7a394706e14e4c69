/**
 * Synchronisation below every other package of the simulator: the machine lock ({@link pagelab.sim.sync.KernelLock})
 * and the locks a program holds across kernel calls ({@link pagelab.sim.sync.OwnerLock}, what HeapLock takes).
 */
package pagelab.sim.sync;
