/** The one memory access path: translation, the TLB, and fault decisions. */
package pagelab.sim.mmu;
