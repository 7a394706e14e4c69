/** Physical memory: frames and the commit charge. */
package pagelab.sim.phys;
