namespace Gongjiang.Application.Identity;

/// <summary>Codes of the account errors: sign-up, export and erasure (messages in Common/Results/ErrorMessages.resx).</summary>
public static class AccountErrors
{
    public const string UserName = "account.user_name";
    public const string Name = "account.name";
    public const string Phone = "account.phone";
    public const string Password = "account.password";
    public const string PasswordRejected = "account.password_rejected";
    public const string BirthYear = "account.birth_year";
    public const string UnderAge = "account.under_age";
    public const string Consent = "account.consent";
    public const string UserNameTaken = "account.user_name_taken";
    public const string NotFound = "account.not_found";
    public const string WrongPassword = "account.wrong_password";
    public const string CodePurpose = "account.code_purpose";
    public const string NoProfileForPhone = "account.no_profile_for_phone";
    public const string LockedOut = "account.locked_out";
}
