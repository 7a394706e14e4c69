/** Read-only inspection of simulated machines and processes. */
package pagelab.sim.inspect;
