/** Heaps inside simulated memory: chapter 18. */
package pagelab.sim.heap;
