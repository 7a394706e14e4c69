/**
 * The simulated Windows kernel's public API: {@link pagelab.kernel.Machine}, {@link pagelab.kernel.Kernel32},
 * {@link pagelab.kernel.Memory}, {@link pagelab.kernel.Seh}, the {@code WinNT}/{@code WinError} constants and the
 * Win32 structs, named as the Windows SDK names them. Students, checkers and plugins bind to these names.
 */
package pagelab.kernel;
