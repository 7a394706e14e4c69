/**
 * Win32 notation for numbers ({@code 0x00400000}, {@code PAGE_READWRITE|PAGE_GUARD},
 * {@code ERROR_INVALID_ADDRESS (487)}): the one formatter the kernel's trace, checkers and the desktop share.
 */
package pagelab.kernel.format;
