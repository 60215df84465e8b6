// The reference library's valid fixture project (tests/fixtures/valid_yaml/project.yaml).
export function validFixture(): string {
  return `version: '4.0'
actions:
  generate_dataset:
    run: ehrql:v1 generate-dataset analysis/dataset_definition.py --output output/dataset.csv.gz
    outputs:
      highly_sensitive:
        dataset: output/dataset.csv.gz
  prepare_data_m:
    run: python:latest python analysis/filter_by_sex.py M output/dataset.csv male.csv
    needs: [generate_dataset]
    outputs:
      highly_sensitive:
        male_cohort: male*.csv
  prepare_data_f:
    run: python:latest python analysis/filter_by_sex.py F output/dataset.csv female.csv
    needs: [generate_dataset]
    outputs:
      highly_sensitive:
        female_cohort: female*.csv
  prepare_data_with_quote_in_filename:
    run: python:latest python analysis/filter_by_sex.py F output/input.csv "qu'ote.csv"
    needs: [generate_dataset]
    outputs:
      highly_sensitive:
        quote_cohort: qu'ote*.csv
  analyse_data:
    run: python:latest python analysis/count_lines.py
    config:
      files: ["male.csv", "female.csv", "qu'ote.csv"]
    needs: [prepare_data_m, prepare_data_f, prepare_data_with_quote_in_filename]
    outputs:
      moderately_sensitive:
        counts: counts.txt
  test_reusable_action:
    run: minimal-action:v1.1.0 output/input.csv
    config:
      suffix: .backup
    outputs:
      highly_sensitive:
        cohort: output/input.backup.csv
  test_cancellation:
    run: python:latest python analysis/filter_by_sex.py F output/input.csv somefile.csv
    outputs:
      highly_sensitive:
        cohort: somefile.csv
`;
}
