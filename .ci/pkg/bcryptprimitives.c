/*
 * bcryptprimitives.c — a stand-in for Windows' bcryptprimitives.dll, used
 * ONLY by the Wine smoke test (.ci/smoke-windows.sh), NEVER shipped.
 *
 * Go 1.22 and later fill their random numbers (crypto/rand, map seeds) with
 * ProcessPrng from bcryptprimitives.dll, which every Windows 10/11 has but
 * Wine 8 (Debian 12) lacks, so a Go 1.26 program dies at start under it.
 * This DLL, built with mingw-w64 into the throwaway Wine prefix only,
 * exports ProcessPrng on top of RtlGenRandom (advapi32 SystemFunction036),
 * Wine's own system random source. Wine 9.0 and later have the real one.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

/* ProcessPrng fills data with len random bytes; like Windows it always
 * succeeds, so a failure of the source ends the process instead of
 * handing out predictable bytes. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, n))
            ExitProcess(0xC000000D); /* never return unfilled bytes */
        data += n;
        len -= n;
    }
    return TRUE;
}
