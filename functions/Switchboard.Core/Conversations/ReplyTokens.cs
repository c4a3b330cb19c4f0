using System.Security.Cryptography;

namespace Switchboard.Core.Conversations;

/// <summary>Secret tokens for reply addresses (support+token@…): 80 random bits, so no one can guess their way into a conversation.</summary>
public static class ReplyTokens
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string Create() => RandomNumberGenerator.GetString(Alphabet, 16);
}
