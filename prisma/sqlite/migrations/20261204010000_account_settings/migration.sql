-- CreateTable
CREATE TABLE "AccountSettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "nameChosenAt" DATETIME,
    "emailNotifications" BOOLEAN NOT NULL DEFAULT true,
    "deletedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AccountSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
