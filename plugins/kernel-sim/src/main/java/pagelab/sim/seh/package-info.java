/** Structured exception handling: frames, dispatch (first pass) and unwinding (second pass). */
package pagelab.sim.seh;
