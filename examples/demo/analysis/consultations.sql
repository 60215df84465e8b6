-- Consultations and distinct patients by region, for patients who have not registered a type 1
-- opt-out (they are left out by joining against PatientsWithTypeOneDissent).
SELECT
    p.Region AS region,
    COUNT(*) AS consultations,
    COUNT(DISTINCT a.Patient_ID) AS patients
FROM Appointment AS a
JOIN Patient AS p ON p.Patient_ID = a.Patient_ID
WHERE NOT EXISTS (
    SELECT 1 FROM PatientsWithTypeOneDissent AS t WHERE t.Patient_ID = a.Patient_ID
)
GROUP BY p.Region
