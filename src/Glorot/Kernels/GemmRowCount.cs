namespace Glorot.Kernels;

/// <summary>
/// The number of C rows one micro-kernel call computes, as a type. Each micro-kernel is generic over it, so the
/// JIT compiles one exact-size copy per row count (the <c>if (R.Value &gt; i)</c> tests fold to constants) and the
/// M remainder never needs zero padding (as in the prototype of docs/BENCHMARKS.md "Design measurements").
/// </summary>
internal interface IGemmRowCount
{
    static abstract int Value { get; }
}

internal struct Rows1 : IGemmRowCount { public static int Value => 1; }
internal struct Rows2 : IGemmRowCount { public static int Value => 2; }
internal struct Rows3 : IGemmRowCount { public static int Value => 3; }
internal struct Rows4 : IGemmRowCount { public static int Value => 4; }
internal struct Rows5 : IGemmRowCount { public static int Value => 5; }
internal struct Rows6 : IGemmRowCount { public static int Value => 6; }
internal struct Rows7 : IGemmRowCount { public static int Value => 7; }
internal struct Rows8 : IGemmRowCount { public static int Value => 8; }
internal struct Rows9 : IGemmRowCount { public static int Value => 9; }
internal struct Rows10 : IGemmRowCount { public static int Value => 10; }
internal struct Rows11 : IGemmRowCount { public static int Value => 11; }
internal struct Rows12 : IGemmRowCount { public static int Value => 12; }
