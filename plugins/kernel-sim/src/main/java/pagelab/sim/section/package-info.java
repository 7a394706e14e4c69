/** File-mapping objects (sections), their namespace and views: chapter 17. */
package pagelab.sim.section;
