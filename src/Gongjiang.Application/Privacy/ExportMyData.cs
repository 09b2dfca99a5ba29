using System.Text.Json;
using Gongjiang.Application.Common;
using Gongjiang.Application.Common.Results;
using Gongjiang.Application.Common.UseCases;
using Gongjiang.Application.Identity;

namespace Gongjiang.Application.Privacy;

/// <summary>
/// The user downloads everything held about them (《个人信息保护法》第四十五条): account, profile, contact data in clear,
/// applications with their history, interviews and offers, activity and consents, as one JSON file.
/// </summary>
public static class ExportMyData
{
    public sealed record Query : IUseCase<ExportFile>;

    public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

    public sealed class Handler(PrivacyService privacy, ICurrentUser currentUser, TimeProvider clock) : IUseCaseHandler<Query, ExportFile>
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        };

        public async Task<Result<ExportFile>> HandleAsync(Query query, CancellationToken ct)
        {
            if (await currentUser.GetAsync(ct) is not { } actor || await privacy.ExportAsync(actor.UserId, ct) is not { } export)
                return Error.NotFound(AccountErrors.NotFound);
            return new ExportFile(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json",
                $"gongjiang-my-data-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}.json");
        }
    }
}
