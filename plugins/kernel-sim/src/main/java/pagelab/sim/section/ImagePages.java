package pagelab.sim.section;

import pagelab.sim.vm.PageStore;

/**
 * What a SEC_IMAGE section maps (the image loader parses the file; this package only maps it): the image's shared
 * pages, the protection of each page from its PE section, the base the image wants, and its size in memory.
 *
 * @param store         the image's pages, shared by every view
 * @param pageVprot     per page, the simulator's protection bits (vm.Protection) including COMMITTED
 * @param preferredBase where a view goes when that range is free
 * @param size          SizeOfImage, a whole number of pages
 */
public record ImagePages(PageStore store, int[] pageVprot, long preferredBase, long size) {
}
