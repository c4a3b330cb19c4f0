using System.Buffers.Binary;

namespace Switchboard.Core.Replies;

/// <summary>
/// Outlook's <c>Thread-Index</c> (MS-OXOMSG PidTagConversationIndex): a 22-byte header block (the FILETIME of the
/// thread's start, its top six bytes, then a GUID) followed by one 5-byte child block per reply (time since the start,
/// a few random bits and a sequence nibble). Outlook groups a conversation by the header, so a reply continues the
/// index of the message it answers, and mail of a thread we start shares one header.
/// </summary>
public static class ThreadIndex
{
    public const int HeaderLength = 22;
    public const int ChildLength = 5;

    /// <summary>The header block of a new thread started at <paramref name="startedAt"/>.</summary>
    public static byte[] NewThread(DateTimeOffset startedAt, Guid thread)
    {
        var index = new byte[HeaderLength];
        Span<byte> fileTime = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(fileTime, startedAt.ToFileTime());
        fileTime[..6].CopyTo(index);
        thread.TryWriteBytes(index.AsSpan(6), bigEndian: true, out _);
        return index;
    }

    /// <summary><paramref name="parent"/> plus a child block for a reply written at <paramref name="at"/>.</summary>
    public static byte[] Reply(byte[] parent, DateTimeOffset at, byte random)
    {
        if (!IsValid(parent))
        {
            throw new ArgumentException("Not a Thread-Index: 22 bytes plus 5 per reply.", nameof(parent));
        }
        var delta = Math.Max(0, at.ToFileTime() - HeaderTime(parent));
        // Under about 1.7 years the difference is kept at a finer grain (code bit 0) than above it (code bit 1).
        var value = (delta & 0x00FE_0000_0000_0000) == 0
            ? (uint)((delta >> 18) & 0x7FFF_FFFF)
            : 0x8000_0000u | (uint)((delta >> 23) & 0x7FFF_FFFF);
        var index = new byte[parent.Length + ChildLength];
        parent.CopyTo(index, 0);
        BinaryPrimitives.WriteUInt32BigEndian(index.AsSpan(parent.Length), value);
        var sequence = (parent.Length - HeaderLength) / ChildLength;
        index[^1] = (byte)(((random & 0x0F) << 4) | (sequence & 0x0F));
        return index;
    }

    public static bool IsValid(byte[] index) => index.Length >= HeaderLength && (index.Length - HeaderLength) % ChildLength == 0;

    /// <summary>The header's value, or null when absent or not a Thread-Index.</summary>
    public static byte[]? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        try
        {
            var bytes = Convert.FromBase64String(header.Trim());
            return IsValid(bytes) ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The FILETIME of the header block (its low two bytes were not kept).</summary>
    public static long HeaderTime(byte[] index)
    {
        Span<byte> fileTime = stackalloc byte[8];
        index.AsSpan(0, 6).CopyTo(fileTime);
        return BinaryPrimitives.ReadInt64BigEndian(fileTime);
    }
}

/// <summary>Reads the Thread-Index of a stored raw message, looking at its header block only.</summary>
public static class RawThreadIndex
{
    public static byte[]? Read(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            var headers = MimeKit.HeaderList.Load(stream);
            return ThreadIndex.Parse(headers["Thread-Index"]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
