namespace Gongjiang.Application.Employers;

/// <summary>Codes of the errors of employer accounts, verification and HR-service licences (messages in Common/Results/ErrorMessages.resx).</summary>
public static class EmployerErrors
{
    public const string NotFound = "employer.not_found";
    public const string LicensedNameRequired = "employer.licensed_name_required";
    public const string NamesDiffer = "employer.names_differ";
    public const string SuspendedContact = "employer.suspended_contact";
    public const string VerificationStillValid = "employer.verification_still_valid";
    public const string LicenceNotNeeded = "employer.licence_not_needed";
    public const string LicenceNumberRequired = "employer.licence_number_required";
    public const string LicenceAuthorityRequired = "employer.licence_authority_required";
    public const string LicenceValidUntilRequired = "employer.licence_valid_until_required";
    public const string LicenceValidUntilFormat = "employer.licence_valid_until_format";
    public const string LicenceLapsed = "employer.licence_lapsed";
    public const string LicenceFileRequired = "employer.licence_file_required";
    public const string LicenceFileTooLarge = "employer.licence_file_too_large";
    public const string LicenceFileType = "employer.licence_file_type";
    public const string LicenceNotSubmitted = "employer.licence_not_submitted";
    public const string LicenceRejectionNoteRequired = "employer.licence_rejection_note_required";
    public const string LicenceFileMissing = "employer.licence_file_missing";
    public const string RejectionNoteRequired = "employer.rejection_note_required";
    public const string OperatorsOnlyFilter = "employer.operators_only_filter";
    public const string WebsiteInvalid = "employer.website_invalid";
    public const string CompanyNameRequired = "employer.company_name_required";
    public const string UsccInvalid = "employer.uscc_invalid";
    public const string UsccTaken = "employer.uscc_taken";
    public const string ClusterUnknown = "employer.cluster_unknown";
    public const string LicensedNameMissing = "employer.licensed_name_missing";
}
