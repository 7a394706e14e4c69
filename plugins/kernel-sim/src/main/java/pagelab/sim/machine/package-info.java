/**
 * The kernel's objects: the machine (physical memory, the file system, sections, images, the trace) and its
 * processes, with the loader that lays a fresh process out. The layer every service package below it serves.
 */
package pagelab.sim.machine;
