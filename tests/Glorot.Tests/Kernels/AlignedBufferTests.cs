using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public unsafe class AlignedBufferTests
{
    [Fact]
    public void Start_is_64_byte_aligned_and_the_span_covers_the_requested_length()
    {
        for (var length = 0; length < 40; length++)
        {
            var buffer = new AlignedBuffer(length);
            Assert.Equal(0u, (uint)((nuint)buffer.Pointer % 64));
            Assert.Equal(length, buffer.Span.Length);
            fixed (float* span = buffer.Span) Assert.True(length == 0 || span == buffer.Pointer);
        }
    }
}
