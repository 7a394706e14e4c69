/** Address spaces, views and per-page state: chapters 13 to 15. */
package pagelab.sim.vm;
