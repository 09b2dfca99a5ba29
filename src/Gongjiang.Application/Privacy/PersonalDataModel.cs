using Gongjiang.Application.Persistence;
using Gongjiang.Core.Talent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongjiang.Application.Privacy;

/// <summary>
/// Where personal information is sealed: the contact columns get value converters (services keep plain properties), and
/// the blind-index columns are filled on every save.
/// </summary>
public static class PersonalDataModel
{
    public const string PhoneIndex = "PhoneIndex";
    public const string IdNumberIndex = "IdNumberIndex";

    /// <summary>The sealed columns of <c>TalentContacts</c>.</summary>
    public static readonly IReadOnlyList<string> ContactColumns = [nameof(TalentContact.Name), nameof(TalentContact.Phone), nameof(TalentContact.Email), nameof(TalentContact.IdNumber)];

    public static void Apply(ModelBuilder builder, PersonalDataProtector protector)
    {
        var converter = new ValueConverter<string, string>(plain => protector.Protect(plain), stored => protector.Unprotect(stored));
        var contact = builder.Entity<TalentContact>();
        contact.Property(c => c.Name).HasConversion(converter);
        contact.Property(c => c.Phone!).HasConversion(converter); // nulls are stored as nulls
        contact.Property(c => c.Email!).HasConversion(converter);
        contact.Property(c => c.IdNumber!).HasConversion(converter);
        builder.Entity<Identity.AppUser>().Property(u => u.PhoneNumber!).HasConversion(converter);
        builder.Entity<Identity.EmployerInvite>().Property(i => i.Phone).HasConversion(converter);
    }

    /// <summary>Recomputes the blind indexes of a contact entry from its plain values.</summary>
    public static void UpdateIndexes(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TalentContact> entry, PersonalDataProtector protector)
    {
        entry.Property<string?>(PhoneIndex).CurrentValue = protector.PhoneIndex(entry.Entity.Phone);
        entry.Property<string?>(IdNumberIndex).CurrentValue = protector.IdNumberIndex(entry.Entity.IdNumber);
    }
}

/// <summary>Fills the blind-index columns of every added or changed contact before it is written.</summary>
internal sealed class PersonalDataIndexInterceptor : SaveChangesInterceptor
{
    public static readonly PersonalDataIndexInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Update(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Update(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Update(DbContext? context)
    {
        if (context is not AppDbContext { Protector: { } protector } db) return;
        if (db.ChangeTracker.AutoDetectChangesEnabled) db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<TalentContact>())
            if (entry.State is EntityState.Added or EntityState.Modified)
                PersonalDataModel.UpdateIndexes(entry, protector);
        foreach (var entry in db.ChangeTracker.Entries<Identity.AppUser>())
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.PhoneIndex = protector.PhoneIndex(entry.Entity.PhoneNumber);
    }
}

/// <summary>One model per key ring: the value converters hold the ring they seal with.</summary>
internal sealed class PersonalDataModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as AppDbContext)?.Protector?.KeyFile, designTime);
}
