/** Executable images: the image section cache, the loader and per-process modules. */
package pagelab.sim.image;
