/** The VMMap-style memory map: allocations and blocks in a table and a page strip coloured by state. */
package pagelab.app.desktop.memorymap;
