/** The simulator's fault injection for checkers. */
package pagelab.sim.control;
