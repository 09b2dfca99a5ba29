using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveRoomsChatReviewSkillChoicesAndKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SkillChoices",
                table: "Talent",
                type: "TEXT",
                nullable: true);

            // Profiles on record have made no decision yet (SkillChoicesBackfill).
            migrationBuilder.Sql(SkillChoicesBackfill.NoDecisionsYet);

            migrationBuilder.AddColumn<bool>(
                name: "Released",
                table: "HeldChatMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "HeldChatMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByUserId",
                table: "HeldChatMessages",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HandledAt",
                table: "ChatReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandledByUserId",
                table: "ChatReports",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlingNote",
                table: "ChatReports",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LiveRooms",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HostKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EmployerId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HostName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StreamUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MicRoomUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    PeakViewers = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRooms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Seconds = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomActivities_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomApplications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomApplications_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Data = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomEvents_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PayMin = table.Column<int>(type: "INTEGER", nullable: false),
                    PayMax = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomJobs_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LiveRoomJobs_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomMicRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OpenUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OnMicRoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Seconds = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomMicRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomMicRequests_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomMutes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MutedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomMutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomMutes_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomPushes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    InvitationId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MonthlyPay = table.Column<int>(type: "INTEGER", nullable: true),
                    PayReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomPushes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomPushes_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AskerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TalentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeldRules = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Upvotes = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Pinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    HiddenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HiddenByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomQuestions_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomSubscriptions_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomViewers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ViewerKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    FirstSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WatchSeconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomViewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomViewers_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomViewerSamples",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Minute = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Viewers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomViewerSamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomViewerSamples_LiveRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "LiveRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiveRoomUpvotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveRoomUpvotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveRoomUpvotes_LiveRoomQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "LiveRoomQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HeldChatMessages_ReviewedAt_At",
                table: "HeldChatMessages",
                columns: new[] { "ReviewedAt", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomActivities_RoomId_At",
                table: "LiveRoomActivities",
                columns: new[] { "RoomId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomActivities_UserId",
                table: "LiveRoomActivities",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomApplications_ApplicationId",
                table: "LiveRoomApplications",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomApplications_RoomId_At",
                table: "LiveRoomApplications",
                columns: new[] { "RoomId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomEvents_RoomId_Kind_Seq",
                table: "LiveRoomEvents",
                columns: new[] { "RoomId", "Kind", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomEvents_RoomId_Seq",
                table: "LiveRoomEvents",
                columns: new[] { "RoomId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomJobs_JobId",
                table: "LiveRoomJobs",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomJobs_RoomId_JobId",
                table: "LiveRoomJobs",
                columns: new[] { "RoomId", "JobId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomMicRequests_OnMicRoomId",
                table: "LiveRoomMicRequests",
                column: "OnMicRoomId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomMicRequests_RoomId_OpenUserId",
                table: "LiveRoomMicRequests",
                columns: new[] { "RoomId", "OpenUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomMicRequests_RoomId_Status_Id",
                table: "LiveRoomMicRequests",
                columns: new[] { "RoomId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomMicRequests_RoomId_UserId",
                table: "LiveRoomMicRequests",
                columns: new[] { "RoomId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomMutes_RoomId_UserId",
                table: "LiveRoomMutes",
                columns: new[] { "RoomId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomPushes_RoomId_UserId_At",
                table: "LiveRoomPushes",
                columns: new[] { "RoomId", "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomQuestions_RoomId_AskerUserId",
                table: "LiveRoomQuestions",
                columns: new[] { "RoomId", "AskerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomQuestions_RoomId_Id",
                table: "LiveRoomQuestions",
                columns: new[] { "RoomId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRooms_EmployerId_StartsAt",
                table: "LiveRooms",
                columns: new[] { "EmployerId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRooms_Status_StartsAt",
                table: "LiveRooms",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomSubscriptions_RemindedAt_RoomId",
                table: "LiveRoomSubscriptions",
                columns: new[] { "RemindedAt", "RoomId" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomSubscriptions_RoomId_UserId",
                table: "LiveRoomSubscriptions",
                columns: new[] { "RoomId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomUpvotes_QuestionId_UserId",
                table: "LiveRoomUpvotes",
                columns: new[] { "QuestionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomUpvotes_UserId",
                table: "LiveRoomUpvotes",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomViewers_RoomId_ViewerKey",
                table: "LiveRoomViewers",
                columns: new[] { "RoomId", "ViewerKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomViewers_UserId",
                table: "LiveRoomViewers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveRoomViewerSamples_RoomId_Minute",
                table: "LiveRoomViewerSamples",
                columns: new[] { "RoomId", "Minute" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "LiveRoomActivities");

            migrationBuilder.DropTable(
                name: "LiveRoomApplications");

            migrationBuilder.DropTable(
                name: "LiveRoomEvents");

            migrationBuilder.DropTable(
                name: "LiveRoomJobs");

            migrationBuilder.DropTable(
                name: "LiveRoomMicRequests");

            migrationBuilder.DropTable(
                name: "LiveRoomMutes");

            migrationBuilder.DropTable(
                name: "LiveRoomPushes");

            migrationBuilder.DropTable(
                name: "LiveRoomSubscriptions");

            migrationBuilder.DropTable(
                name: "LiveRoomUpvotes");

            migrationBuilder.DropTable(
                name: "LiveRoomViewers");

            migrationBuilder.DropTable(
                name: "LiveRoomViewerSamples");

            migrationBuilder.DropTable(
                name: "LiveRoomQuestions");

            migrationBuilder.DropTable(
                name: "LiveRooms");

            migrationBuilder.DropIndex(
                name: "IX_HeldChatMessages_ReviewedAt_At",
                table: "HeldChatMessages");

            migrationBuilder.DropColumn(
                name: "SkillChoices",
                table: "Talent");

            migrationBuilder.DropColumn(
                name: "Released",
                table: "HeldChatMessages");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "HeldChatMessages");

            migrationBuilder.DropColumn(
                name: "ReviewedByUserId",
                table: "HeldChatMessages");

            migrationBuilder.DropColumn(
                name: "HandledAt",
                table: "ChatReports");

            migrationBuilder.DropColumn(
                name: "HandledByUserId",
                table: "ChatReports");

            migrationBuilder.DropColumn(
                name: "HandlingNote",
                table: "ChatReports");
        }
    }
}
